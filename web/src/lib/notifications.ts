/** The notifications of the bell: the todos that announce themselves, refreshed every few minutes. */
import { todayInChina } from '@domain/dates';
import { useEffect, useState } from 'react';
import { useLocation } from 'react-router';
import { useUser } from '../session';
import { loadTodos, type Todo } from './todo';

const REFRESH_MS = 3 * 60_000;

export function useNotifications() {
  const user = useUser();
  const location = useLocation();
  const [notifications, setNotifications] = useState<Todo[]>([]);
  useEffect(() => {
    const controller = new AbortController();
    const load = () => loadTodos(user.role, todayInChina(), controller.signal).then((todos) => setNotifications(todos.filter((t) => t.notify))).catch(() => undefined);
    void load();
    const timer = setInterval(load, REFRESH_MS);
    return () => { controller.abort(); clearInterval(timer); };
  }, [user.role, location.pathname]);
  return { notifications };
}
