// Runs once when a server instance starts: registers the in-process listeners for side effects
// (mail and the like) that follow committed changes. See lib/listeners.ts.
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { registerListeners } = await import("@/lib/listeners");
    registerListeners();
    // Contact mail that a stopped server never sent goes out from here (lib/contact/listeners.ts).
    const { startContactMailSweeper } = await import("@/lib/contact/listeners");
    startContactMailSweeper();
  }
}
