"""The core rule pack: one YAML file per rule, in a folder per category (shipped as vblint.rules)."""
