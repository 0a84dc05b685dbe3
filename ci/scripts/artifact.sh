# Sourced: the app zip is an input of the deploy, never a literal in code.
TF_VAR_app_artifact_path=$(ls "$PWD"/../artifact/*.zip | head -n 1)
TF_VAR_app_artifact_sha256=$(sha256sum "$TF_VAR_app_artifact_path" | cut -d' ' -f1)
export TF_VAR_app_artifact_path TF_VAR_app_artifact_sha256
