-- One-shot init for the compose SQL Server (docker-compose.yml, service `sqlserver-init`): creates the
-- `sms` database and the service's own login. Idempotent, so it runs on every `docker compose up`.
-- sqlcmd fills $(SMS_DB_USERNAME) and $(SMS_DB_PASSWORD) from its -v arguments (values from .env).
IF DB_ID(N'sms') IS NULL
    CREATE DATABASE sms;
GO

IF SUSER_ID(N'$(SMS_DB_USERNAME)') IS NULL
    CREATE LOGIN [$(SMS_DB_USERNAME)] WITH PASSWORD = N'$(SMS_DB_PASSWORD)', DEFAULT_DATABASE = sms, CHECK_POLICY = ON;
ELSE
    -- keeps the login in step with .env when the password there changes
    ALTER LOGIN [$(SMS_DB_USERNAME)] WITH PASSWORD = N'$(SMS_DB_PASSWORD)';
GO

USE sms;
GO

IF USER_ID(N'$(SMS_DB_USERNAME)') IS NULL
    CREATE USER [$(SMS_DB_USERNAME)] FOR LOGIN [$(SMS_DB_USERNAME)];
-- Flyway creates and alters the service's tables at start-up, so locally the login owns the database.
ALTER ROLE db_owner ADD MEMBER [$(SMS_DB_USERNAME)];
GO
