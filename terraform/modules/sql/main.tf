terraform {
  required_providers {
    azurerm = {
      source = "hashicorp/azurerm"
    }
  }
}

resource "azurerm_mssql_server" "this" {
  name                          = var.server_name
  location                      = var.location
  resource_group_name           = var.resource_group_name
  version                       = "12.0"
  administrator_login           = var.administrator_login
  administrator_login_password  = var.administrator_password
  minimum_tls_version           = "1.2"
  public_network_access_enabled = true

  dynamic "azuread_administrator" {
    for_each = var.entra_admin == null ? [] : [var.entra_admin]
    content {
      login_username = azuread_administrator.value.login_username
      object_id      = azuread_administrator.value.object_id
      tenant_id      = var.tenant_id
    }
  }

  tags = var.tags
}

resource "azurerm_mssql_database" "this" {
  name        = var.database_name
  server_id   = azurerm_mssql_server.this.id
  sku_name    = var.sku_name
  max_size_gb = var.max_size_gb
  tags        = var.tags
  # The schema is Flyway's (the service migrates at start-up); Terraform owns only the empty database.
}

# 0.0.0.0 - 0.0.0.0 is Azure's "allow Azure services" rule: Consumption Container Apps have no fixed
# outbound IPs. With a VNet-integrated environment, replace it with a private endpoint.
resource "azurerm_mssql_firewall_rule" "azure_services" {
  count            = var.allow_azure_services ? 1 : 0
  name             = "AllowAzureServices"
  server_id        = azurerm_mssql_server.this.id
  start_ip_address = "0.0.0.0"
  end_ip_address   = "0.0.0.0"
}
