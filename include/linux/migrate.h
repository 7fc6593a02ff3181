/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_MIGRATE_H
#define _LINUX_MIGRATE_H

/* include/linux/migrate.h @ v3.14: moving pages (mm/migrate.c) */
#include <linux/list.h>
#include <linux/mm_types.h>

/* a free page to move @page into, or NULL; and one given back unused */
typedef struct page *new_page_t(struct page *page, unsigned long private);
typedef void free_page_t(struct page *page, unsigned long private);

int migrate_pages(struct list_head *from, new_page_t get_new_page, free_page_t put_new_page,
		  unsigned long private);
void putback_movable_pages(struct list_head *l);
void migration_entry_wait(pte_t *ptep, pte_t entry);
void remove_migration_ptes(struct page *old, struct page *new);

#endif
