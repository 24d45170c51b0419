// Runs once when a server instance starts: registers the in-process listeners for side effects
// (mail and the like) that follow committed changes, and starts each channel's background work
// (see lib/listeners.ts); lets chat clients' GET-with-a-body reach room-service/ (lib/chat/wire/get-body.ts).
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { registerListeners, startBackgroundWork } = await import("@/lib/listeners");
    const { installGetBodyShim } = await import("@/lib/chat/wire/get-body");
    installGetBodyShim();
    registerListeners();
    startBackgroundWork();
  }
}
