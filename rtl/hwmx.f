# hwmx RTL sources in compile order (relative to rtl/): packages first.
hwmx_reg_pkg.sv
hwmx_pkg.sv
hwmx_sdp_ram.sv
hwmx_id_pool.sv
hwmx_axil_slave.sv
hwmx_addr_decode.sv
hwmx_op_check.sv
hwmx_ctx_flags.sv
hwmx_regs.sv
hwmx_engine.sv
hwmx_top.sv
