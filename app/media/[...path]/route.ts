// GET /media/<path> — a product picture (public: shops show them on their product pages); the path is the API's product_images[].image
import { getDb } from "@/db/client";
import { findProductImageByPath } from "@/lib/products/queries";
import { getStore } from "@/lib/storage/store";

export const dynamic = "force-dynamic";

export async function GET(_request: Request, { params }: { params: Promise<{ path: string[] }> }) {
  const path = (await params).path.join("/");
  const notFound = () => new Response("Not found.", { status: 404, headers: { "content-type": "text/plain; charset=utf-8" } });
  if (!/^products\/[\w./-]{1,300}$/.test(path) || path.includes("..")) return notFound();
  const image = await findProductImageByPath(await getDb(), path);
  if (!image) return notFound();
  const bytes = await getStore().get(image.storageKey);
  if (!bytes) return notFound();
  return new Response(Buffer.from(bytes), {
    headers: {
      "Content-Type": image.contentType,
      "Content-Length": String(bytes.byteLength),
      "X-Content-Type-Options": "nosniff",
      "Cache-Control": "public, max-age=86400",
      "Content-Security-Policy": "default-src 'none'; sandbox",
    },
  });
}
