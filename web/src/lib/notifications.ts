/**
 * Today's todos, loaded once for the bell and the dashboard together: a load in flight is shared,
 * and a fresh result (under 30 s old) is reused when the user moves between pages, so navigating
 * does not cost a round of requests each time. The dashboard always asks for a fresh list, which
 * the bell then shows too.
 */
import { todayInChina } from '@domain/dates';
import type { Role } from '@shared/roles';
import { useEffect, useState } from 'react';
import { useLocation } from 'react-router';
import { useUser } from '../session';
import { loadTodos, type Todo } from './todo';

const REFRESH_MS = 3 * 60_000;
const FRESH_MS = 30_000;

let latest: { role: Role; at: number; todos: Todo[] } | undefined;
let pending: { role: Role; promise: Promise<Todo[]> } | undefined;
const listeners = new Set<() => void>();

/** Loads the todos again (or joins a load in flight) and tells the bell. */
export function refreshTodos(role: Role): Promise<Todo[]> {
  if (pending?.role === role) return pending.promise;
  const promise = loadTodos(role, todayInChina())
    .then((todos) => {
      latest = { role, at: Date.now(), todos };
      listeners.forEach((listener) => listener());
      return todos;
    })
    .finally(() => {
      if (pending?.promise === promise) pending = undefined;
    });
  pending = { role, promise };
  return promise;
}

export function useNotifications() {
  const user = useUser();
  const location = useLocation();
  const [, setVersion] = useState(0);
  useEffect(() => {
    const listener = () => setVersion((v) => v + 1);
    listeners.add(listener);
    return () => {
      listeners.delete(listener);
    };
  }, []);
  useEffect(() => {
    const refresh = () => void refreshTodos(user.role).catch(() => undefined);
    if (!latest || latest.role !== user.role || Date.now() - latest.at > FRESH_MS) refresh();
    const timer = setInterval(refresh, REFRESH_MS);
    return () => clearInterval(timer);
  }, [user.role, location.pathname]);
  const notifications = latest?.role === user.role ? latest.todos.filter((t) => t.notify) : [];
  return { notifications };
}
