terraform {
  # Remote state in Azure Storage, partial configuration: the per-environment values live in
  # environments/<env>.backend.hcl, e.g.  terraform init -backend-config=environments/dev.backend.hcl
  backend "azurerm" {}
}
