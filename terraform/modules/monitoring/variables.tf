variable "name_prefix" {
  description = "Prefix for resource names, e.g. sms-dev."
  type        = string
}

variable "location" {
  description = "Azure region."
  type        = string
}

variable "resource_group_name" {
  description = "Resource group to create the resources in."
  type        = string
}

variable "retention_days" {
  description = "Log Analytics retention in days."
  type        = number
}

variable "tags" {
  description = "Tags for every resource."
  type        = map(string)
}
