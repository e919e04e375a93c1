-- Who did what to how many, for every admin action.
INSERT INTO AdminAudit (Actor, Action, Target, ItemCount, Details, CreatedAt)
VALUES (:#${header.auditActor}, :#${header.auditAction}, :#${header.auditTarget}, :#${header.auditCount},
        LEFT(:#${header.auditDetails}, 2000), CURRENT_TIMESTAMP)
