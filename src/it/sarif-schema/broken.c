void broken(void) {
  int x = ;
}
