"""The lmac language, pure: reader values, expansion, compiler, machine, scheduler, builtins.
Never imports surface/ or Live."""
