//! Charts: the numbers are computed first in pure functions (tested), then drawn with plotters
//! on any bitmap backend using the embedded DejaVu Sans font.
