package com.acme;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class AppTest {
  @Test
  void clerkMayEdit() {
    assertEquals("edited o-7", App.clerkEdit());
  }
}
