#!/usr/bin/env python3
"""Publish a SendOrderConfirmationSms test event to the Service Bus emulator, or peek its dead letters.

Run through compose (the service `send-test-event`, profile `tools`) while `docker compose up` runs:

  docker compose run --rm send-test-event                    # demo order BR-1001 (Ada, consented: sent)
  docker compose run --rm send-test-event --order BR-1003    # Ben opted out: blocked_opted_out
  docker compose run --rm send-test-event --order BR-1001 --count 3   # duplicates: still one SMS
  docker compose run --rm send-test-event --json '{"orderId": "...", "customerId": "..."}'
  docker compose run --rm send-test-event --peek-dead-letters

From the host instead: pip install 'azure-servicebus>=7.13.1,<8' and set
SB_CONNECTION_STRING to the same string with Endpoint=sb://localhost.
"""
import argparse
import json
import os
import sys
import uuid

from azure.servicebus import ServiceBusClient, ServiceBusMessage, ServiceBusSubQueue

# The demo orders seeded by src/main/resources/db/local/afterMigrate.sql (order number -> ids).
DEMO_ORDERS = {
    "BR-1001": ("0d000000-0000-0000-0000-000000000001", "c0000000-0000-0000-0000-000000000001"),  # sent
    "BR-1002": ("0d000000-0000-0000-0000-000000000002", "c0000000-0000-0000-0000-000000000001"),  # cancelled
    "BR-1003": ("0d000000-0000-0000-0000-000000000003", "c0000000-0000-0000-0000-000000000002"),  # opted out
    "BR-1004": ("0d000000-0000-0000-0000-000000000004", "c0000000-0000-0000-0000-000000000003"),  # no consent
    "HH-2001": ("0d000000-0000-0000-0000-000000000005", "c0000000-0000-0000-0000-000000000001"),  # provisions
}

MESSAGE_TYPE = "SendOrderConfirmationSms"


def build_payload(args):
    """The event body: the thin event of the architecture (order and customer ids), or --json as given."""
    if args.json:
        return json.loads(args.json)
    order_id, customer_id = DEMO_ORDERS.get(args.order, (args.order, args.customer))
    if not customer_id:
        sys.exit(f"unknown order {args.order!r}: use one of {', '.join(DEMO_ORDERS)} or pass --customer")
    return {"orderId": order_id, "customerId": customer_id}


def send(client, args):
    payload = build_payload(args)
    body = json.dumps(payload)
    with client.get_topic_sender(topic_name=args.topic) as sender:
        for _ in range(args.count):
            message = ServiceBusMessage(
                body,
                content_type="application/json",
                subject=MESSAGE_TYPE,
                message_id=str(uuid.uuid4()),
                application_properties={"messageType": MESSAGE_TYPE},
            )
            sender.send_messages(message)
            print(f"sent {message.message_id} to {args.topic}: {body}")


def peek_dead_letters(client, args):
    receiver = client.get_subscription_receiver(
        topic_name=args.topic,
        subscription_name=args.subscription,
        sub_queue=ServiceBusSubQueue.DEAD_LETTER,
    )
    with receiver:
        messages = receiver.peek_messages(max_message_count=50)
        if not messages:
            print(f"no dead-lettered messages on {args.topic}/{args.subscription}")
        for m in messages:
            print(f"#{m.sequence_number} id={m.message_id} deliveries={m.delivery_count} "
                  f"reason={m.dead_letter_reason!r} description={m.dead_letter_error_description!r}")
            print(f"    {str(m)}")


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--order", default="BR-1001", help="demo order number or an order id (default BR-1001)")
    parser.add_argument("--customer", help="customer id, when --order is not a demo order number")
    parser.add_argument("--json", help="the exact JSON body to send instead")
    parser.add_argument("--count", type=int, default=1, help="send the same event this many times")
    parser.add_argument("--peek-dead-letters", action="store_true", help="list the subscription's dead letters")
    parser.add_argument("--topic", default=os.environ.get("SB_TOPIC", "SendOrderConfirmationSms"))
    parser.add_argument("--subscription", default=os.environ.get("SB_SUBSCRIPTION", "sms-notification-service"))
    args = parser.parse_args()

    connection_string = os.environ.get("SB_CONNECTION_STRING")
    if not connection_string:
        sys.exit("set SB_CONNECTION_STRING")
    with ServiceBusClient.from_connection_string(connection_string) as client:
        if args.peek_dead_letters:
            peek_dead_letters(client, args)
        else:
            send(client, args)


if __name__ == "__main__":
    main()
