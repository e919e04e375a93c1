terraform {
  # 1.11: write-only arguments (value_wo), used so operator-set Key Vault secrets never enter state.
  required_version = ">= 1.11.0"

  required_providers {
    azurerm = {
      source = "hashicorp/azurerm"
      # 4.69 added identity_id on Container App custom scale rules (KEDA authenticates with a managed identity).
      version = "~> 4.69"
    }
    random = {
      source  = "hashicorp/random"
      version = "~> 3.6"
    }
  }
}

# The subscription comes from ARM_SUBSCRIPTION_ID (azurerm 4.x requires one); credentials from `az login`
# locally or OIDC (ARM_USE_OIDC=true) in CI.
provider "azurerm" {
  features {
    key_vault {
      # a destroyed vault stays soft-deleted (recoverable) instead of being purged
      purge_soft_delete_on_destroy = false
    }
  }
}
