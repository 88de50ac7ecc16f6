import { describe, expect, it } from 'vitest';
import en from '../../shared/i18n/en.json';
import ja from '../../shared/i18n/ja.json';
import { ROLES } from '../../shared/reference/roles';
import { HOME_TODOS } from './home_todos';

describe('HOME_TODOS', () => {
  it('names every count in both languages and links each to a page', () => {
    for (const role of ROLES) {
      for (const todo of HOME_TODOS[role]) {
        expect(ja.home.todo.items).toHaveProperty(todo.key);
        expect(en.home.todo.items).toHaveProperty(todo.key);
        expect(todo.path.startsWith('/')).toBe(true);
      }
    }
  });

  it('gives the facility the five counts of the walkthrough', () => {
    expect(HOME_TODOS.facility.map((todo) => todo.key)).toEqual(
      expect.arrayContaining(['new_applications', 'unread_messages', 'interviews_this_week', 'open_training', 'postings_without_candidates']),
    );
  });
});
