// Runs once when a server instance starts: registers the in-process listeners for side effects
// (mail and the like) that follow committed changes. See lib/listeners.ts.
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { registerListeners } = await import("@/lib/listeners");
    registerListeners();
  }
}
