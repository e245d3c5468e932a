"""Write: section writers and writing an outline's sections. The offline composer and the LLM writer
are two implementations of one SectionWriter; pipeline.py runs them side by side over an outline and
checks every model-written section (with review/) before anyone sees it."""
