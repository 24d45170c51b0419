-- Issue 16: a message's search vector is written by a trigger (search_vector(body) costs about
-- half a millisecond a row: fine for a write, and a bulk load can set the column itself with the
-- trigger disabled), then every stored message gets the new vector and every thread the
-- identifiers its customer, seller and channel details hold.
CREATE OR REPLACE FUNCTION messages_search_vector() RETURNS trigger
  LANGUAGE plpgsql
  AS $$
  BEGIN
    NEW.search_vector := search_vector(NEW.body);
    RETURN NEW;
  END
  $$;
--> statement-breakpoint
CREATE TRIGGER messages_search_vector BEFORE INSERT OR UPDATE OF body ON messages
  FOR EACH ROW EXECUTE FUNCTION messages_search_vector();
--> statement-breakpoint
UPDATE messages SET search_vector = search_vector(body);
--> statement-breakpoint
UPDATE threads t SET search_keys = k.keys
FROM (
  SELECT t.id, concat_ws(' ', c.phone, s.external_id, s.supplier_code, cd.phone, cd.order_number,
      dd.order_id, dd.order_reference, dd.offer_id, dd.product_id, dd.external_reference, dd.customer_external_id,
      cr.phone, cr.order_id::text, cr.product_id::text, (SELECT string_agg(p->>'product_id', ' ') FROM jsonb_array_elements(cr.cart_products) p),
      cv.item_id, cv.sale_code) AS keys
  FROM threads t
  LEFT JOIN customers c ON c.id = t.customer_id
  LEFT JOIN sellers s ON s.id = t.seller_id
  LEFT JOIN contact_details cd ON cd.thread_id = t.id
  LEFT JOIN discussion_details dd ON dd.thread_id = t.id
  LEFT JOIN call_request_details cr ON cr.thread_id = t.id
  LEFT JOIN conversation_details cv ON cv.thread_id = t.id
) k
WHERE k.id = t.id AND k.keys <> '';
