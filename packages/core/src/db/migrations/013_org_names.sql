-- The organisation's names and titles as documents print them (the issuing ministry, its short
-- name and document-number symbol, the provincial departments, the sector, the signatory's
-- titles), each valid from a date until the next row of the same key: a report is printed with the
-- names of its date, so a 2024 report keeps "Bộ Thông tin và Truyền thông" and a 2026 one reads
-- "Bộ Khoa học và Công nghệ" (the merger of 1 March 2025). initStore seeds them; administrators edit.
create table org_name (
  key text not null,
  valid_from date not null,
  value text not null check (length(value) between 1 and 300),
  updated_by text not null,
  updated_at timestamptz not null default now(),
  primary key (key, valid_from)
);
