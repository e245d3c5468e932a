"""Write: section writers and the drafting pipeline. The offline composer and the LLM writer are two
implementations of one SectionWriter; the pipeline runs them side by side over an outline and
checks every model-written section (with review/) before anyone sees it."""
