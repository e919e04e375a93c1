variable "name" {
  description = "Key Vault name (globally unique, 3-24 characters)."
  type        = string
}

variable "location" {
  description = "Azure region."
  type        = string
}

variable "resource_group_name" {
  description = "Resource group to create the vault in."
  type        = string
}

variable "tenant_id" {
  description = "Entra ID tenant of the vault."
  type        = string
}

variable "deployer_object_id" {
  description = "Object id of the principal running Terraform; it gets Key Vault Secrets Officer."
  type        = string
}

variable "purge_protection_enabled" {
  description = "Purge protection (irreversible once enabled)."
  type        = bool
}

variable "soft_delete_retention_days" {
  description = "Soft-delete retention in days (7-90)."
  type        = number
}

variable "generated_secrets" {
  description = "Secret name -> value, for secrets Terraform generates."
  type        = map(string)
  sensitive   = true
}

variable "operator_secret_names" {
  description = "Names of secrets operators set; created with a placeholder value."
  type        = list(string)
}

variable "tags" {
  description = "Tags for the vault."
  type        = map(string)
}
