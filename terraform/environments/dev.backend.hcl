# terraform init -reconfigure -backend-config=environments/dev.backend.hcl
# The storage account is created once, outside this configuration (docs/deploying-to-azure.md, step 1).
resource_group_name  = "rg-sms-tfstate"
storage_account_name = "stsmstfstate" # globally unique: replace with yours
container_name       = "tfstate"
key                  = "sms-notification-service/dev.tfstate"
use_azuread_auth     = true
