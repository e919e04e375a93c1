variable "name_prefix" {
  description = "Prefix for identity names, e.g. sms-dev."
  type        = string
}

variable "location" {
  description = "Azure region."
  type        = string
}

variable "resource_group_name" {
  description = "Resource group to create the identities in."
  type        = string
}

variable "key_vault_id" {
  description = "Key Vault the app reads secrets from."
  type        = string
}

variable "registry_id" {
  description = "Container registry the app pulls from."
  type        = string
}

variable "servicebus_topic_ids" {
  description = "Topic name -> id: topics the app consumes (via its subscriptions) and the scaler watches."
  type        = map(string)
}

variable "tags" {
  description = "Tags for the identities."
  type        = map(string)
}
