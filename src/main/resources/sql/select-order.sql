-- The order as the order system sees it now (status decides skipped_order_invalid), with what a thin event lacks.
SELECT o.ID AS OrderID, o.OrderNumber, o.Status, o.VenueID, o.CustomerID, o.EventName, o.EventDate,
       o.OrderTotal, o.Currency, o.TicketCount, c.FirstName, c.PhoneNumber, v.Name AS VenueName, v.CountryCode
FROM Orders o
JOIN Customers c ON c.ID = o.CustomerID
JOIN Venues v ON v.ID = o.VenueID
WHERE o.ID = :#orderId
