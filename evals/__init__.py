"""Evals: checks that read a Draft and its facts and say what failed and where."""
