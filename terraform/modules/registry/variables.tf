variable "name" {
  description = "Registry name (globally unique, 5-50 letters and digits)."
  type        = string
}

variable "location" {
  description = "Azure region."
  type        = string
}

variable "resource_group_name" {
  description = "Resource group to create the registry in."
  type        = string
}

variable "sku" {
  description = "Basic, Standard or Premium."
  type        = string
}

variable "tags" {
  description = "Tags for the registry."
  type        = map(string)
}
