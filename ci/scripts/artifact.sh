# Sourced: the app zip is an input of the deploy, never a literal in code.
# The path Terraform sees is the same in every build: `path` is an app attribute, so a per-build worker
# directory (/tmp/build/<random>/artifact/...) would be a planned change of all 17 apps on every deploy
# and every drift plan, each one a full push and rolling restart. Only the content hash moves a push.
artifact=$(ls "$PWD"/../artifact/*.zip | head -n 1)
mkdir -p /tmp/notify-estate-artifact
ln -sfn "$artifact" /tmp/notify-estate-artifact/notifications-api.zip
TF_VAR_app_artifact_path=/tmp/notify-estate-artifact/notifications-api.zip
TF_VAR_app_artifact_sha256=$(sha256sum "$artifact" | cut -d' ' -f1)
export TF_VAR_app_artifact_path TF_VAR_app_artifact_sha256
