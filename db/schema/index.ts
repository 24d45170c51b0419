export * from "./users";
export * from "./threads";
export * from "./reference";
export * from "./channels";
export * from "./platform";
export * from "./presence";
