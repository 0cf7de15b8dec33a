"""Language data, one package per language: adding a language adds files, not branches."""
