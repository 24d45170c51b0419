// Starts e2e/support/child-process.ts in its own process (see there).
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";

export interface Child {
  process: ChildProcess;
  output: () => string;
  /** Resolves when the output contains `text`; rejects if the process exits first. */
  waitFor: (text: string, timeoutMs?: number) => Promise<void>;
  exited: Promise<number | null>;
}

export function startChild(command: string, arg: string): Child {
  const child = spawn(
    process.execPath,
    ["--conditions=react-server", "--import", "tsx", path.join(process.cwd(), "e2e/support/child-process.ts"), command, arg],
    {
      cwd: process.cwd(),
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  let out = "";
  child.stdout!.on("data", (d) => (out += d));
  child.stderr!.on("data", (d) => (out += d));
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  return {
    process: child,
    output: () => out,
    exited,
    waitFor: (text, timeoutMs = 30_000) =>
      new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`timed out waiting for "${text}"; output: ${out}`)), timeoutMs);
        const check = () => {
          if (out.includes(text)) {
            clearTimeout(timer);
            resolve();
          }
        };
        child.stdout!.on("data", check);
        child.stderr!.on("data", check);
        exited.then(() => {
          check();
          clearTimeout(timer);
          reject(new Error(`process exited before "${text}"; output: ${out}`));
        });
        check();
      }),
  };
}
