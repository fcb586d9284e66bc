// Lint configuration for Verilator only; every other tool sees an empty file. It is listed before
// hwmx_reg_pkg.sv in hwmx.f because Verilator applies a file waiver only to files read after it.
`ifdef VERILATOR
`verilator_config
// The generated register-map package defines every offset and field; the RTL uses a subset.
lint_off -rule UNUSEDPARAM -file "*hwmx_reg_pkg.sv"
`endif
