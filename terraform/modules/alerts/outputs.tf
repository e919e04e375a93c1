output "action_group_id" {
  description = "Action group the alerts notify; add receivers (Teams, PagerDuty webhooks) here."
  value       = azurerm_monitor_action_group.this.id
}
