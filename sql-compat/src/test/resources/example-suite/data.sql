INSERT INTO t_ticket (ticket_id, title, state, opened) VALUES (1, 'Login fails', 'open', '2024-01-02'),
  (2, 'Slow page', 'closed', '2024-01-03'), (3, 'Typo', 'open', '2024-01-03'), (4, 'Crash ⚠️', 'open', '2024-01-05'),
  (5, 'Export', 'closed', '2024-01-08');
