variable "server_name" {
  description = "SQL server name (globally unique, lowercase)."
  type        = string
}

variable "database_name" {
  description = "Database name."
  type        = string
}

variable "location" {
  description = "Azure region."
  type        = string
}

variable "resource_group_name" {
  description = "Resource group to create the server in."
  type        = string
}

variable "administrator_login" {
  description = "SQL administrator login."
  type        = string
}

variable "administrator_password" {
  description = "SQL administrator password."
  type        = string
  sensitive   = true
}

variable "entra_admin" {
  description = "Optional Entra ID administrator: { login_username, object_id }."
  type = object({
    login_username = string
    object_id      = string
  })
  default = null
}

variable "tenant_id" {
  description = "Tenant of the Entra ID administrator."
  type        = string
}

variable "sku_name" {
  description = "Database SKU."
  type        = string
}

variable "max_size_gb" {
  description = "Database max size in GB."
  type        = number
}

variable "allow_azure_services" {
  description = "Add the allow-Azure-services firewall rule."
  type        = bool
}

variable "tags" {
  description = "Tags for the server and database."
  type        = map(string)
}
