"use client";
// The signed-in agent, for client parts of the inbox that the server cannot hand props to (a
// route's loading state).
import { createContext, useContext } from "react";

export interface CurrentAgent {
  id: number;
  name: string;
  role?: string;
}

const Ctx = createContext<CurrentAgent | null>(null);

export function CurrentAgentProvider({ agent, children }: { agent: CurrentAgent; children: React.ReactNode }) {
  return <Ctx.Provider value={agent}>{children}</Ctx.Provider>;
}

export const useCurrentAgent = () => useContext(Ctx);
