-- Local profile only: stand-ins for the order system's read-only tables, which production reads
-- from the order system's own schema. Just the columns this service reads.
CREATE TABLE Venues (
    ID          INT            NOT NULL,
    Name        NVARCHAR(200)  NOT NULL,
    CountryCode CHAR(2)        NOT NULL,
    TimeZone    VARCHAR(50)    NOT NULL,
    CONSTRAINT PK_Venues PRIMARY KEY (ID)
);

CREATE TABLE Customers (
    ID          UNIQUEIDENTIFIER NOT NULL,
    FirstName   NVARCHAR(100)    NOT NULL,
    LastName    NVARCHAR(100)    NOT NULL,
    PhoneNumber VARCHAR(20)      NULL,
    Email       VARCHAR(200)     NULL,
    CONSTRAINT PK_Customers PRIMARY KEY (ID)
);

CREATE TABLE Orders (
    ID          UNIQUEIDENTIFIER NOT NULL,
    OrderNumber VARCHAR(30)      NOT NULL,
    VenueID     INT              NOT NULL,
    CustomerID  UNIQUEIDENTIFIER NOT NULL,
    EventName   NVARCHAR(200)    NOT NULL,
    EventDate   DATETIME2        NOT NULL,
    OrderTotal  DECIMAL(10, 2)   NOT NULL,
    Currency    CHAR(3)          NOT NULL,
    TicketCount INT              NOT NULL,
    Status      VARCHAR(20)      NOT NULL,
    CreatedAt   DATETIME2        NOT NULL DEFAULT CURRENT_TIMESTAMP,
    UpdatedAt   DATETIME2        NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT PK_Orders PRIMARY KEY (ID),
    CONSTRAINT FK_Orders_Venues FOREIGN KEY (VenueID) REFERENCES Venues (ID),
    CONSTRAINT FK_Orders_Customers FOREIGN KEY (CustomerID) REFERENCES Customers (ID)
);

CREATE INDEX IX_Orders_CustomerID ON Orders (CustomerID);
