output "server_fqdn" {
  description = "SQL server host name."
  value       = azurerm_mssql_server.this.fully_qualified_domain_name
}

output "database_name" {
  description = "Database name."
  value       = azurerm_mssql_database.this.name
}

output "jdbc_url" {
  description = "SMS_DB_URL for mssql-jdbc: TLS on, certificate checked against the Azure SQL domain."
  value       = "jdbc:sqlserver://${azurerm_mssql_server.this.fully_qualified_domain_name}:1433;databaseName=${azurerm_mssql_database.this.name};encrypt=true;trustServerCertificate=false;hostNameInCertificate=*.database.windows.net;loginTimeout=30"
}
