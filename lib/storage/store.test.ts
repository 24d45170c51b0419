// The same suite for both stores: the local disk and an S3-protocol server (s3rver) on loopback.
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import S3rver from "s3rver";
import { makePdf, makePng } from "@/db/seed/files";
import { contentKey, DiskStore, S3Store, type FileStore } from "./store";

let s3: S3rver;
let s3Port = 0;
let tmp: string;

beforeAll(async () => {
  tmp = await fs.mkdtemp(path.join(os.tmpdir(), "sb-store-"));
  s3 = new S3rver({ port: 0, address: "127.0.0.1", silent: true, directory: path.join(tmp, "s3"), configureBuckets: [{ name: "attachments", configs: [] }] });
  const address = (await s3.run()) as { port: number };
  s3Port = address.port;
});

afterAll(async () => {
  await s3?.close();
  await fs.rm(tmp, { recursive: true, force: true });
});

const stores: [string, () => FileStore][] = [
  ["disk", () => new DiskStore(path.join(tmp, "disk"))],
  [
    "s3",
    () =>
      new S3Store({
        bucket: "attachments",
        region: "us-east-1",
        endpoint: `http://127.0.0.1:${s3Port}`,
        accessKeyId: "S3RVER",
        secretAccessKey: "S3RVER",
        forcePathStyle: true,
        prefix: "test/",
      }),
  ],
];

describe.each(stores)("%s store", (_name, makeStore) => {
  it("stores bytes under their sha256 and gives them back unchanged", async () => {
    const store = makeStore();
    const bytes = makePng(20, 20);
    const key = contentKey(bytes);
    expect(key).toMatch(/^[a-f0-9]{64}$/);
    await store.put(key, bytes, "image/png");
    expect(Buffer.from((await store.get(key))!)).toEqual(Buffer.from(bytes));
  });

  it("takes the same bytes put many times at once (two agents dropping the same file)", async () => {
    const store = makeStore();
    const bytes = makePng(21, 21);
    const key = contentKey(bytes);
    await Promise.all(Array.from({ length: 8 }, () => store.put(key, bytes, "image/png")));
    expect(Buffer.from((await store.get(key))!)).toEqual(Buffer.from(bytes));
  });

  it("answers null for a key it does not hold", async () => {
    expect(await makeStore().get("0".repeat(64))).toBeNull();
  });

  it("deletes", async () => {
    const store = makeStore();
    const bytes = makePdf("delete me");
    const key = contentKey(bytes);
    await store.put(key, bytes, "application/pdf");
    await store.delete(key);
    expect(await store.get(key)).toBeNull();
  });

  it("refuses anything that is not a content key (no path tricks)", async () => {
    await expect(makeStore().get("../../etc/passwd")).rejects.toThrow(/Not a storage key/);
  });
});
