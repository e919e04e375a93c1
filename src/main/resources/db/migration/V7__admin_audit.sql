-- Every admin action (dead-letter replay, dry run, discard, event publish): who, when, what, how many.
CREATE TABLE AdminAudit (
    ID        BIGINT IDENTITY(1,1) NOT NULL,
    Actor     VARCHAR(100)      NOT NULL,
    Action    VARCHAR(50)       NOT NULL,
    Target    NVARCHAR(400)     NULL,
    ItemCount INT               NOT NULL,
    Details   NVARCHAR(2000)    NULL,
    CreatedAt DATETIME2         NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT PK_AdminAudit PRIMARY KEY (ID)
);

CREATE INDEX IX_AdminAudit_CreatedAt ON AdminAudit (CreatedAt);
