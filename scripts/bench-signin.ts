// npm run bench:signin — shows that a sign-in with an unknown e-mail takes as long as one with a
// wrong password (both pay one scrypt), so response time does not reveal which e-mails exist.
import { openDatabase, setDatabase } from "@/db/client";
import { users } from "@/db/schema";
import { verifyCredentials } from "@/lib/auth";
import { hashPassword } from "@/lib/auth/password";
import { pct, time } from "./bench-utils";

const RUNS = 40;

async function main() {
  process.env.SIGNIN_LIMIT_IP_MAX = "100000";
  process.env.SIGNIN_LIMIT_EMAIL_MAX = "100000";
  const database = await openDatabase({ pgliteDir: "memory://", migrate: true });
  setDatabase(database);
  await database.db.insert(users).values({ email: "known@bench.example", name: "Known", role: "agent", passwordHash: await hashPassword("right password") });
  let n = 0;
  const wrong = await time(() => verifyCredentials({ email: "known@bench.example", password: "wrong password" }, `10.9.0.${n++ % 250}`), { runs: RUNS });
  const unknown = await time(() => verifyCredentials({ email: `nobody${n++}@bench.example`, password: "wrong password" }, `10.9.1.${n % 250}`), { runs: RUNS });
  const row = (label: string, xs: number[]) => console.log(`${label.padEnd(22)} p50 ${pct(xs, 50).toFixed(1)} ms   p95 ${pct(xs, 95).toFixed(1)} ms`);
  console.log(`sign-in refusals, ${RUNS} runs each (embedded database):`);
  row("wrong password", wrong);
  row("unknown e-mail", unknown);
  console.log(`difference of medians: ${Math.abs(pct(wrong, 50) - pct(unknown, 50)).toFixed(1)} ms`);
  await database.close();
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
