import { UserModelError, type Convention, type UserModel, type UserModelSource } from './UserModel';
import type { UserModelStore } from './userModelStore';

export type UserModelState = (
  | { status: 'none' }
  | { status: 'loading'; name: string }
  | { status: 'ready'; model: UserModel; convention: Convention; kept: boolean }
  | { status: 'error'; name: string; message: string }
) & {
  /** Something the person should know about keeping (a damaged copy removed, no room). */
  notice: string | null;
};

export interface UserModelDeps {
  /** Loads and checks a model; rejects with a UserModelError for the person. */
  load(source: UserModelSource): Promise<UserModel>;
  openStore(): Promise<UserModelStore>;
  recallConvention(id: string): Convention | null;
  rememberConvention(id: string, convention: Convention): void;
}

export interface UserModelSession {
  /**
   * Opens the store and loads `initial` (`?model=`), else the kept model; returns the function
   * that stops (disposing the model and closing the store).
   */
  start(initial: UserModelSource | null): () => void;
  /**
   * The shipped model's final backend, by any value naming it (null while it is not settled).
   * Loads wait for one; a new one (another backend, a rebuilt GPU context) loads the model again.
   */
  setBackend(backend: unknown): void;
  load(source: UserModelSource): void;
  setConvention(convention: Convention): void;
  /** Keeps the loaded model on this device in place of any kept before. */
  keep(): Promise<void>;
  /** Unloads the model and removes the kept copy, in one action. */
  remove(): Promise<void>;
  getState(): UserModelState;
  subscribe(listener: () => void): () => void;
}

export const NOT_KEPT = 'This browser cannot keep a model on this device.';

/** One request to load: the newest is the one wanted. */
interface Request {
  source: UserModelSource;
}

/**
 * The person's model beside the shipped one: one load at a time, the newest request wins (a
 * load landing after a newer request is disposed), the model replaced is disposed at once.
 * A failed load leaves an error to show and nothing else: the shipped model is untouched.
 * The convention the person chose is remembered per model. Creating one has no side effects.
 */
export function createUserModelSession(deps: UserModelDeps): UserModelSession {
  let state: UserModelState = { status: 'none', notice: null };
  const listeners = new Set<() => void>();
  let store: Promise<UserModelStore | null> = Promise.resolve(null);
  let started = false;
  let keptId: string | null = null;
  let backend: unknown = null;
  // The request wanted, the one in flight, and the one whose outcome is shown (with its backend).
  let wanted: Request | null = null;
  let loading: Request | null = null;
  let shown: { request: Request; backend: unknown } | null = null;

  const publish = (next: UserModelState) => {
    state = next;
    listeners.forEach((listener) => listener());
  };
  const withNotice = (notice: string | null) => publish({ ...state, notice });
  /** Drops the model shown (disposed) for `next`. */
  const replace = (next: UserModelState) => {
    if (state.status === 'ready') state.model.dispose();
    publish(next);
  };

  function pump() {
    const request = wanted;
    if (!started || loading || !request || backend === null) return;
    if (shown?.request === request && shown.backend === backend) return;
    loading = request;
    const on = backend;
    const current = () => started && request === wanted && on === backend;
    deps.load(request.source).then(
      (model) => {
        loading = null;
        if (!current()) {
          model.dispose();
        } else {
          shown = { request, backend: on };
          const convention = deps.recallConvention(model.id) ?? model.guessed;
          const kept = model.id === keptId;
          replace({ status: 'ready', model, convention, kept, notice: state.notice });
        }
        pump();
      },
      (error: unknown) => {
        loading = null;
        if (current()) {
          shown = { request, backend: on };
          console.warn(
            'Your model could not be used:',
            error instanceof UserModelError ? error.detail : error,
          );
          replace({
            status: 'error',
            name: sourceName(request.source),
            message: messageOf(error),
            notice: state.notice,
          });
        }
        pump();
      },
    );
  }

  function request(source: UserModelSource) {
    wanted = { source };
    replace({ status: 'loading', name: sourceName(source), notice: state.notice });
    pump();
  }

  async function openKept(initial: UserModelSource | null) {
    const opened = await store;
    if (!opened || !started) return;
    try {
      const { model, notice } = await opened.load();
      keptId = model?.id ?? null;
      if (notice) withNotice(notice);
      // A model asked for meanwhile (dropped files, ?model=) comes first.
      if (model && !initial && wanted === null && started) request({ kind: 'kept', kept: model });
    } catch (error) {
      console.warn('The kept model could not be read:', error);
    }
  }

  return {
    start(initial) {
      started = true;
      store = deps.openStore().catch((error: unknown) => {
        console.warn('IndexedDB is unavailable:', error);
        return null;
      });
      if (initial) request(initial);
      void openKept(initial);
      return () => {
        started = false;
        wanted = null;
        shown = null;
        void store.then((opened) => opened?.close());
        replace({ status: 'none', notice: null });
      };
    },
    setBackend(next) {
      if (next === backend) return;
      backend = next;
      // The model shown lives on the backend before: loaded again on this one.
      if (next !== null && shown && wanted === shown.request) {
        replace({
          status: 'loading',
          name: sourceName(shown.request.source),
          notice: state.notice,
        });
      }
      pump();
    },
    load: (source) => request(source),
    setConvention(convention) {
      if (state.status !== 'ready') return;
      deps.rememberConvention(state.model.id, convention);
      publish({ ...state, convention });
    },
    async keep() {
      if (state.status !== 'ready') return;
      const { id, name, artifacts } = state.model;
      const opened = await store;
      if (!opened) return withNotice(NOT_KEPT);
      try {
        await opened.keep({ id, name, artifacts, time: Date.now() });
        keptId = id;
        if (state.status === 'ready') {
          publish({ ...state, kept: state.model.id === id, notice: null });
        }
      } catch (error) {
        console.warn('The model could not be kept:', error);
        withNotice(error instanceof Error ? error.message : NOT_KEPT);
      }
    },
    async remove() {
      wanted = null;
      shown = null;
      replace({ status: 'none', notice: null });
      const opened = await store;
      if (!opened) return;
      try {
        await opened.remove();
        keptId = null;
      } catch (error) {
        console.warn('The kept model could not be removed:', error);
        withNotice('The model kept on this device could not be removed.');
      }
    },
    getState: () => state,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

/** What the person would call the model while it loads or fails. */
export function sourceName(source: UserModelSource): string {
  if (source.kind === 'kept') return source.kept.name;
  if (source.kind === 'url') return source.url;
  const json = source.files.find((file) => file.name.endsWith('.json'));
  return json?.name ?? source.files[0]?.name ?? 'model';
}

function messageOf(error: unknown): string {
  if (error instanceof UserModelError) return error.message;
  return `This model could not be loaded: ${error instanceof Error ? error.message : String(error)}`;
}
