# routesync probe (the management path): $7... table ids (those of the plan's reading); see probe_path.
probe_path "$@"
