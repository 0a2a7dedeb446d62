/// <reference types="vite/client" />

interface ImportMetaEnv {
  /** Set at build time (VITE_BUILD_ID=...) to show which deployment is running. */
  readonly VITE_BUILD_ID?: string;
}
