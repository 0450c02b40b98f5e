/** The catalogue's types: the English module defines the keys, every language has all of them. */
import type { en } from './en';

export type MessageKey = keyof typeof en;
export type Message = string | { readonly one: string; readonly other: string };
export type Catalogue = { readonly [K in MessageKey]: Message };
export type Language = 'es' | 'en';
