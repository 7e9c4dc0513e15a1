/* Placeholder replaced by the sandbox work (issue 3). */
int main (void) { return 1; }
