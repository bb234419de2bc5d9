-- nothing
/* still nothing */
